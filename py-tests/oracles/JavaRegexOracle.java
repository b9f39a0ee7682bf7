// Reads "base64(regex) base64(password)" lines and prints whether OpenSearch's check passes:
// Pattern.compile("^" + regex + "$").matcher(password).matches(), as the security plugin does,
// or "error" when Java refuses the pattern.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

public class JavaRegexOracle {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Base64.Decoder b64 = Base64.getDecoder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split(" ", -1);
            String regex = new String(b64.decode(parts[0]), StandardCharsets.UTF_8);
            String password = new String(b64.decode(parts[1]), StandardCharsets.UTF_8);
            Pattern pattern;
            try {
                pattern = Pattern.compile("^" + regex + "$");
            } catch (java.util.regex.PatternSyntaxException e) {
                System.out.println("error");
                continue;
            }
            System.out.println(pattern.matcher(password).matches());
        }
    }
}
