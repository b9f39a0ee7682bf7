// Hashes and checks passwords with password4j itself, as OpenSearch's security plugin does:
// one function built from the plugin's plugins.security.password.hashing.* settings, then
// Password.hash(password).with(function) or Password.check(password, hash).with(function).
// Reads tab-separated lines "hash|check <algorithm> <k=v,...> base64(password) [base64(hash)]"
// and prints the hash, true/false, or "error <message>".
import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.CompressedPBKDF2Function;
import com.password4j.HashingFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.password4j.types.Bcrypt;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

public class Password4jOracle {
    static HashingFunction function(String algorithm, Map<String, String> s) {
        switch (algorithm) {
            case "bcrypt":
                return BcryptFunction.getInstance(Bcrypt.valueOf(Character.toLowerCase(s.getOrDefault("minor", "Y").charAt(0))),
                        Integer.parseInt(s.getOrDefault("rounds", "12")));
            case "pbkdf2":
                return CompressedPBKDF2Function.getInstance(s.getOrDefault("function", "SHA256"),
                        Integer.parseInt(s.getOrDefault("iterations", "600000")),
                        Integer.parseInt(s.getOrDefault("length", "256")));
            case "argon2":
                return Argon2Function.getInstance(Integer.parseInt(s.getOrDefault("memory", "65536")),
                        Integer.parseInt(s.getOrDefault("iterations", "3")),
                        Integer.parseInt(s.getOrDefault("parallelism", "1")),
                        Integer.parseInt(s.getOrDefault("length", "32")),
                        Argon2.valueOf(s.getOrDefault("type", "id").toUpperCase(Locale.ROOT)),
                        Integer.parseInt(s.getOrDefault("version", "19")));
            default:
                throw new IllegalArgumentException(algorithm);
        }
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Base64.Decoder b64 = Base64.getDecoder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t", -1);
            Map<String, String> settings = new HashMap<>();
            for (String pair : parts[2].split(",")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    settings.put(kv[0], kv[1]);
                }
            }
            String password = new String(b64.decode(parts[3]), StandardCharsets.UTF_8);
            try {
                HashingFunction f = function(parts[1], settings);
                if (parts[0].equals("hash")) {
                    // bcrypt draws its own salt; the others take password4j's default random salt
                    System.out.println((f instanceof BcryptFunction ? Password.hash(password)
                            : Password.hash(password).addRandomSalt()).with(f).getResult());
                } else {
                    String hash = new String(b64.decode(parts[4]), StandardCharsets.UTF_8);
                    System.out.println(Password.check(password, hash).with(f));
                }
            } catch (Exception e) {
                System.out.println("error " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
    }
}
