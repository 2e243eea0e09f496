package jp.mamori.triage.explain;

import jp.mamori.triage.ssvc.Automatable;
import jp.mamori.triage.ssvc.Exploitation;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.HumanImpact;
import jp.mamori.triage.ssvc.Mission;
import jp.mamori.triage.ssvc.SsvcValue;
import jp.mamori.triage.ssvc.TechnicalImpact;

/** Plain words for SSVC inputs and values, for an officer who is not a security specialist. */
final class Words {
    private Words() { }

    static String inputJa(String input) {
        return switch (input) {
            case "exploitation" -> "悪用状況";
            case "automatable" -> "攻撃の自動化";
            case "technical-impact" -> "技術的な影響";
            case "exposure" -> "機器の公開範囲";
            case "mission" -> "業務への影響度";
            case "human-impact" -> "人・業務への影響";
            default -> input;
        };
    }

    static String inputEn(String input) {
        return switch (input) {
            case "exploitation" -> "exploitation";
            case "automatable" -> "automatable";
            case "technical-impact" -> "technical impact";
            case "exposure" -> "exposure";
            case "mission" -> "mission impact";
            case "human-impact" -> "human impact";
            default -> input;
        };
    }

    static String valueJa(SsvcValue v) {
        if (v instanceof Exploitation e) {
            return switch (e) {
                case NONE -> "悪用の報告なし";
                case POC -> "攻撃コード公開";
                case ACTIVE -> "攻撃確認済み";
            };
        }
        if (v instanceof Automatable a) return a == Automatable.YES ? "自動化可能" : "自動化困難";
        if (v instanceof TechnicalImpact t) return t == TechnicalImpact.TOTAL ? "全面的" : "部分的";
        if (v instanceof Exposure x) {
            return switch (x) {
                case OPEN -> "インターネット公開";
                case CONTROLLED -> "内部からのみ到達可能";
                case SMALL -> "隔離";
            };
        }
        if (v instanceof Mission m) return missionJa(m);
        if (v instanceof HumanImpact h) {
            return switch (h) {
                case LOW -> "低";
                case MEDIUM -> "中";
                case HIGH -> "高";
                case VERY_HIGH -> "非常に高い";
            };
        }
        return v.key();
    }

    static String missionJa(Mission m) {
        return switch (m) {
            case LOW -> "低";
            case MEDIUM -> "中";
            case HIGH -> "高";
        };
    }

    static String exposureJa(Exposure x) {
        return switch (x) {
            case OPEN -> "インターネットに公開された機器";
            case CONTROLLED -> "内部ネットワークからのみ到達できる機器";
            case SMALL -> "隔離された環境の機器";
        };
    }

    static String exposureEn(Exposure x) {
        return switch (x) {
            case OPEN -> "The device is exposed to the internet";
            case CONTROLLED -> "The device is reachable only from internal networks";
            case SMALL -> "The device is in an isolated environment";
        };
    }
}
