package jp.mamori.partners;

/** IPA 情報セキュリティサービス基準適合サービスリストの区分. */
public enum ServiceCategory implements Keyed {
    AUDIT("情報セキュリティ監査", "security audit"),
    VULNERABILITY_ASSESSMENT("脆弱性診断", "vulnerability assessment"),
    FORENSICS("デジタルフォレンジック", "digital forensics"),
    MONITORING("セキュリティ監視・運用", "security monitoring and operation"),
    DEVICE_VERIFICATION("機器検証", "device verification");

    private final String ja;
    private final String en;

    ServiceCategory(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    public static ServiceCategory parse(String s) {
        return Keyed.parse(ServiceCategory.class, s, "service-category");
    }
}
