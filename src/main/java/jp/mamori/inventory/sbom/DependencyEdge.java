package jp.mamori.inventory.sbom;

/** "from depends on to", by component refs. */
public record DependencyEdge(String from, String to) {
}
