package jp.mamori.inventory.sbom.spdx;

/** "from TYPE to", as written in the document. */
record SpdxRelationship(String from, String type, String to) {
}
