package jp.mamori.detection.stream;

import java.util.List;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;

/**
 * What the topology needs from the rest of Mamori (the application layer supplies it): each
 * organisation's rule settings, and where detections go (the database, through the store the batch
 * import uses). Called from stream threads: implementations are thread-safe.
 */
public interface OrganisationRules {

    /** An organisation's policy, its known desktops and its devices; {@code version} changes when any of them does. */
    record Settings(DetectionPolicy policy, List<DetectionEngine.Desktop> knownDesktops, long version) { }

    /** The settings of the organisation with this code, or null when there is none (its lines are counted and dropped). */
    Settings settings(String org);

    /** The device a log came from, by asset code (null: not given). */
    DetectionEngine.Device device(String org, String asset);

    /** Stores new detections of one organisation, and the desktops learned when an input ended (may be empty). */
    void detected(String org, List<Detection> detections, List<DetectionEngine.Desktop> learnedDesktops);
}
