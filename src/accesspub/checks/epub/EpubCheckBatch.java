// Runs EPUBCheck on many EPUBs in one JVM: reads "EPUB<TAB>JSON-REPORT" lines from stdin,
// writes EPUBCheck's JSON report for each and answers "@@done<TAB>exit-code" on stdout.
import com.adobe.epubcheck.tool.EpubChecker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class EpubCheckBatch {
    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] job = line.split("\t");
            int code;
            try {
                code = new EpubChecker().run(new String[] {job[0], "--json", job[1], "--quiet"});
            } catch (Throwable failure) {
                failure.printStackTrace();
                code = 99;
            }
            answers.println("@@done\t" + code);
        }
    }
}
