package jp.mamori.inventory.sbom;

/**
 * Bounds on what one SBOM may cost to read (SPEC §8: sizes and nesting depths are bounded).
 *
 * @param maxBytes size of the file as handed in
 * @param maxDepth nesting of JSON objects/arrays or XML elements; CycloneDX nests components, so real
 *                 documents rarely go past 20, and a hostile one can go to millions
 */
public record SbomLimits(long maxBytes, int maxDepth) {
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 100;
    /** Components in one SBOM or vendor table (ten times the P1 benchmark's 10,000, twice the largest SBOM the tests read); more is refused. */
    public static final int MAX_COMPONENTS = 100_000;

    public SbomLimits {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
        if (maxDepth <= 0) throw new IllegalArgumentException("maxDepth must be positive");
    }

    public static SbomLimits defaults() {
        return new SbomLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }
}
