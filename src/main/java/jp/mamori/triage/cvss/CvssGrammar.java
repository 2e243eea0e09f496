package jp.mamori.triage.cvss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric names and allowed values of each CVSS version, as the FIRST specifications list them.
 * The scoring library is lenient (it silently accepts a repeated metric, for example), so vectors
 * are checked against this grammar first: a vector a source published wrongly must be reported,
 * not scored as something else.
 */
enum CvssGrammar {
    V2("2.0", "", Set.of("AV", "AC", "Au", "C", "I", "A"), metrics(
            "AV", "L,A,N", "AC", "H,M,L", "Au", "M,S,N", "C", "N,P,C", "I", "N,P,C", "A", "N,P,C",
            "E", "U,POC,F,H,ND", "RL", "OF,TF,W,U,ND", "RC", "UC,UR,C,ND",
            "CDP", "N,L,LM,MH,H,ND", "TD", "N,L,M,H,ND", "CR", "L,M,H,ND", "IR", "L,M,H,ND", "AR", "L,M,H,ND")),
    V3_0("3.0", "CVSS:3.0/", V3Base.MANDATORY, V3Base.METRICS),
    V3_1("3.1", "CVSS:3.1/", V3Base.MANDATORY, V3Base.METRICS),
    V4_0("4.0", "CVSS:4.0/", Set.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"), metrics(
            "AV", "N,A,L,P", "AC", "L,H", "AT", "N,P", "PR", "N,L,H", "UI", "N,P,A",
            "VC", "H,L,N", "VI", "H,L,N", "VA", "H,L,N", "SC", "H,L,N", "SI", "H,L,N", "SA", "H,L,N",
            "E", "X,A,P,U",
            "CR", "X,H,M,L", "IR", "X,H,M,L", "AR", "X,H,M,L",
            "MAV", "X,N,A,L,P", "MAC", "X,L,H", "MAT", "X,N,P", "MPR", "X,N,L,H", "MUI", "X,N,P,A",
            "MVC", "X,H,L,N", "MVI", "X,H,L,N", "MVA", "X,H,L,N",
            "MSC", "X,H,L,N", "MSI", "X,S,H,L,N", "MSA", "X,S,H,L,N",
            "S", "X,N,P", "AU", "X,N,Y", "R", "X,A,U,I", "V", "X,D,C", "RE", "X,L,M,H",
            "U", "X,Clear,Green,Amber,Red"));

    private final String version;
    private final String prefix;
    private final Set<String> mandatory;
    private final Map<String, List<String>> allowed;

    CvssGrammar(String version, String prefix, Set<String> mandatory, Map<String, List<String>> allowed) {
        this.version = version;
        this.prefix = prefix;
        this.mandatory = mandatory;
        this.allowed = allowed;
    }

    String version() { return version; }

    String prefix() { return prefix; }

    Set<String> mandatory() { return mandatory; }

    Map<String, List<String>> allowed() { return allowed; }

    private static Map<String, List<String>> metrics(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i + 1].split(",")));
        }
        return Map.copyOf(m);
    }

    /** v3.0 and v3.1 share one grammar; only the prefix and the scoring formula's rounding differ. */
    private static final class V3Base {
        static final Set<String> MANDATORY = Set.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
        static final Map<String, List<String>> METRICS = metrics(
                "AV", "N,A,L,P", "AC", "L,H", "PR", "N,L,H", "UI", "N,R", "S", "U,C",
                "C", "H,L,N", "I", "H,L,N", "A", "H,L,N",
                "E", "X,U,P,F,H", "RL", "X,O,T,W,U", "RC", "X,U,R,C",
                "CR", "X,L,M,H", "IR", "X,L,M,H", "AR", "X,L,M,H",
                "MAV", "X,N,A,L,P", "MAC", "X,L,H", "MPR", "X,N,L,H", "MUI", "X,N,R", "MS", "X,U,C",
                "MC", "X,N,L,H", "MI", "X,N,L,H", "MA", "X,N,L,H");
    }
}
