package jp.mamori.inventory.sbom;

/** What {@link FormatDetector} found a document to be. */
public enum SbomFormat { CYCLONEDX_JSON, CYCLONEDX_XML, SPDX_JSON, SPDX_TAG_VALUE, VENDOR_CSV, VENDOR_XLSX }
