// java.util.regex on the same patterns and texts as bench/regex.py, for its table: reads
// `pattern<TAB>length<TAB>unit<TAB>how` lines (how: `match` is Python's re.match, as
// lookingAt(); `fullmatch` is OpenSearch's matches()) and prints the median of 9 runs of each,
// in milliseconds, after 20 runs to warm the JIT, as a JSON array.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RegexTimes {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> medians = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split("\t", -1);
            Pattern pattern = Pattern.compile(f[0]);
            int length = Integer.parseInt(f[1]);
            StringBuilder text = new StringBuilder(length + f[2].length());
            while (text.length() < length) text.append(f[2]);
            text.setLength(length);
            boolean full = f[3].equals("fullmatch");
            double[] times = new double[9];
            for (int i = 0; i < 29; i++) {
                long start = System.nanoTime();
                Matcher m = pattern.matcher(text);
                boolean found = full ? m.matches() : m.lookingAt();
                if (i >= 20) times[i - 20] = (System.nanoTime() - start) / 1e6;
                if (found && length < 0) System.out.print("");
            }
            Arrays.sort(times);
            medians.add(Double.toString(times[4]));
        }
        System.out.println("[" + String.join(",", medians) + "]");
    }
}
