package jp.mamori.partners;

/**
 * One item of the clause catalogue: what a contract must say, in Japanese and English, the source
 * it comes from, when it is required ({@code appliesIf}, null: always), and the flag raised when a
 * required item is absent.
 */
public record ClauseItem(String key, String titleJa, String titleEn, String textJa, String textEn, String source,
                         Condition appliesIf, RiskFlag flag) {

    /** When an item is required, from what the contract covers. */
    public enum Condition {
        /** the contract covers an internet-facing ({@code open}) asset */
        COVERS_OPEN_ASSET,
        /** the contract covers a system whose SBOM tier is standard or full */
        COVERS_TIER_STANDARD_OR_FULL,
        /** the contract covers a network appliance or an internet-boundary device */
        COVERS_NETWORK_DEVICE;

        public static Condition parse(String s) {
            return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

        public String ja() {
            return switch (this) {
                case COVERS_OPEN_ASSET -> "インターネット公開資産を対象に含む場合";
                case COVERS_TIER_STANDARD_OR_FULL -> "SBOM範囲が標準・詳細のシステムを対象に含む場合";
                case COVERS_NETWORK_DEVICE -> "ネットワーク機器・境界装置を対象に含む場合";
            };
        }
    }
}
