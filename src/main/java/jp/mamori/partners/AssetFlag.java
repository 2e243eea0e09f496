package jp.mamori.partners;

/**
 * A contract flag as it is shown next to one asset's finding (dashboard, page and API): what the
 * flag means for this asset, naming the contract and its vendor but no other asset (a contract's
 * full explanation may name assets the reader does not see).
 */
public record AssetFlag(RiskFlag flag, String label, String contractCode, String vendorName, String ja, String en) {

    public static AssetFlag of(Flag f) {
        String who = f.contractCode() == null ? null : f.vendorName() + " の契約 " + f.contractCode();
        String whoEn = f.contractCode() == null ? null : "the contract " + f.contractCode() + " of " + f.vendorName();
        String ja;
        String en;
        switch (f.flag()) {
            case PATCH_CAP -> {
                ja = "この資産を保守する" + who + "はパッチ適用の回数に上限があり、緊急の適用が契約外になりえます";
                en = whoEn + " maintaining this asset caps the number of patches, so an urgent one may fall outside it";
            }
            case DEVICES_OUT_OF_SCOPE -> {
                ja = who + "はネットワーク機器・境界装置を対象にしておらず、この機器のパッチは誰も契約していません";
                en = whoEn + " covers software only: nobody is contracted to patch this device";
            }
            case NO_JUDGEMENT -> {
                ja = who + "には脆弱性の把握・判断・臨時の適用が含まれていません";
                en = "the vendor responsible for this asset is not contracted to judge or apply out-of-cycle patches (" + f.contractCode() + ")";
            }
            case NO_SBOM_CLAUSE -> {
                ja = who + "には SBOM の提出が定められていません";
                en = whoEn + " does not require an SBOM";
            }
            case NO_INCIDENT_ROLE -> {
                ja = who + "にはインシデント時の連絡・ログ保全・役割が定められていません";
                en = whoEn + " states no incident-time duties (contact, log preservation, role)";
            }
            case EXPIRING -> {
                ja = who + "は期限切れ間近です";
                en = whoEn + " ends soon";
            }
            case EXPIRED -> {
                ja = who + "は期限が切れています";
                en = whoEn + " has expired";
            }
            case UNCONTRACTED_ASSET -> {
                ja = "この資産を保守する有効な契約がありません";
                en = "no contract in force maintains this asset";
            }
            default -> {
                ja = f.flag().ja();
                en = f.flag().en();
            }
        }
        String label = f.flag().ja() + (f.contractCode() == null ? "" : "（契約 " + f.contractCode() + "・" + f.vendorName() + "）");
        return new AssetFlag(f.flag(), label, f.contractCode(), f.vendorName(), ja, en);
    }
}
