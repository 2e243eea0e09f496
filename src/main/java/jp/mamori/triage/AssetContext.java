package jp.mamori.triage;

import java.util.Objects;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;

/**
 * Where the vulnerable component runs: the asset's exposure and its system's mission importance.
 *
 * @param exposure       the asset's exposure
 * @param mission        mission and well-being impact from the system's importance
 * @param exposureSource where the exposure comes from, e.g. "asset VPN-GW-01"
 * @param missionSource  where the mission comes from, e.g. "system テレワークシステム"
 */
public record AssetContext(Exposure exposure, Mission mission, String exposureSource, String missionSource) {
    public AssetContext {
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(mission, "mission");
        exposureSource = exposureSource == null || exposureSource.isBlank() ? "asset" : exposureSource;
        missionSource = missionSource == null || missionSource.isBlank() ? "system" : missionSource;
    }

    public static AssetContext of(Exposure exposure, Mission mission) {
        return new AssetContext(exposure, mission, null, null);
    }
}
