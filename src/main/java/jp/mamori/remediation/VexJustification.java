package jp.mamori.remediation;

import java.util.Locale;

/**
 * Why a product is not affected, in OpenVEX's words (the CSAF flags are the same five). CycloneDX
 * has its own list; the VEX writers map onto it.
 */
public enum VexJustification {
    COMPONENT_NOT_PRESENT("component_not_present", "該当コンポーネントが含まれていない"),
    VULNERABLE_CODE_NOT_PRESENT("vulnerable_code_not_present", "脆弱なコードが含まれていない"),
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH("vulnerable_code_not_in_execute_path", "脆弱なコードが実行されない"),
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY("vulnerable_code_cannot_be_controlled_by_adversary", "攻撃者が脆弱なコードを操作できない"),
    INLINE_MITIGATIONS_ALREADY_EXIST("inline_mitigations_already_exist", "製品内の緩和策が既にある");

    private final String key;
    private final String ja;

    VexJustification(String key, String ja) {
        this.key = key;
        this.ja = ja;
    }

    public String key() {
        return key;
    }

    public String ja() {
        return ja;
    }

    public static VexJustification fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (VexJustification j : values()) if (j.key.equals(k)) return j;
        throw new WorkflowException("VEXの根拠が不明です: '" + key + "'（" + keys() + "）",
                "unknown VEX justification '" + key + "' (" + keys() + ")");
    }

    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (VexJustification j : values()) sb.append(sb.length() == 0 ? "" : ", ").append(j.key);
        return sb.toString();
    }
}
