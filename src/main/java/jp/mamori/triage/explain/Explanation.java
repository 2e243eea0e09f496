package jp.mamori.triage.explain;

import java.util.Objects;
import jp.mamori.triage.TriageResult;

/**
 * The same explanation of a triage result in Japanese and English. Written from the result when
 * first read: a scan triages thousands of vulnerabilities and most of their texts are never shown
 * (a page, a summary or a report reads some), yet writing and keeping all of them was a sixth of a
 * warm scan. The texts are the same whenever they are read: the writer reads the immutable result only.
 */
public final class Explanation {

    private final TriageResult result;
    private final ExplanationWriter writer;
    private volatile String ja;
    private volatile String en;

    public Explanation(String ja, String en) {
        this.result = null;
        this.writer = null;
        this.ja = Objects.requireNonNull(ja, "ja");
        this.en = Objects.requireNonNull(en, "en");
    }

    Explanation(TriageResult result, ExplanationWriter writer) {
        this.result = result;
        this.writer = writer;
    }

    public String ja() {
        String s = ja;
        if (s == null) ja = s = writer.ja(result);
        return s;
    }

    public String en() {
        String s = en;
        if (s == null) en = s = writer.en(result);
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Explanation e && ja().equals(e.ja()) && en().equals(e.en());
    }

    @Override
    public int hashCode() {
        return Objects.hash(ja(), en());
    }

    @Override
    public String toString() {
        return "Explanation[ja=" + ja() + ", en=" + en() + "]";
    }
}
