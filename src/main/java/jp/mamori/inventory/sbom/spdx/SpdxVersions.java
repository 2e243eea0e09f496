package jp.mamori.inventory.sbom.spdx;

import jp.mamori.inventory.sbom.SbomFormatException;

/** Which SPDX versions this reader takes: 2.x. SPDX 3 is a different (JSON-LD) model. */
final class SpdxVersions {
    private SpdxVersions() { }

    /** "SPDX-2.3" → "2.3". */
    static String check(String spdxVersion, String file, String place) throws SbomFormatException {
        if (spdxVersion == null) throw new SbomFormatException(file, place, "SPDX document without spdxVersion");
        String v = spdxVersion.strip();
        if (!v.matches("SPDX-2\\.\\d+")) {
            throw new SbomFormatException(file, place, "SPDX version '" + v + "' is not supported (SPDX-2.2 and SPDX-2.3 are)");
        }
        return v.substring("SPDX-".length());
    }
}
