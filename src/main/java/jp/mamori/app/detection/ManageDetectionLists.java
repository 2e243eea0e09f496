package jp.mamori.app.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.rules.AllowKind;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.ListFiles;

/** "Add to the allow-list", "import an allow-list", "import the VDI desktops": checked, stored and audited in one transaction. */
public final class ManageDetectionLists {

    private final Mamori mamori;

    public ManageDetectionLists(Mamori mamori) {
        this.mamori = mamori;
    }

    public int addAllow(Actor actor, long orgId, String kind, String value, String note) {
        AllowEntry e;
        try {
            e = new AllowEntry(AllowKind.fromKey(kind), value, note);
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException(ex.getMessage(), ex);
        }
        return storeAllow(actor, orgId, List.of(e), "value=" + e.kind().key() + ":" + e.value());
    }

    /**
     * "Remove from the allow-list": the entry of this organisation with that kind and value (written
     * as when it was added: {@code *.example.jp} is {@code example.jp}). One that is not listed is
     * refused and nothing is written; a removal is audited like an addition.
     */
    public AllowEntry removeAllow(Actor actor, long orgId, String kind, String value) {
        AllowEntry e;
        try {
            e = new AllowEntry(AllowKind.fromKey(kind), value, null);
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException(ex.getMessage(), ex);
        }
        return mamori.database().inTransaction(c -> {
            if (mamori.detections().removeAllow(c, orgId, e.kind(), e.value()) == 0) {
                throw new InvalidInputException("許可リストにありません / not on the allow-list: " + e.kind().key() + " " + e.value());
            }
            Audited.record(mamori, c, actor, orgId, Audited.DETECTION_ALLOW_REMOVED, "detection:allow", "value=" + e.kind().key() + ":" + e.value());
            return e;
        });
    }

    public int importAllow(Actor actor, long orgId, Path file) {
        List<AllowEntry> entries = read(file, in -> ListFiles.allowList(file.getFileName().toString(), in));
        return storeAllow(actor, orgId, entries, "file=" + AuditDetail.quote(file.getFileName()) + " entries=" + entries.size());
    }

    private int storeAllow(Actor actor, long orgId, List<AllowEntry> entries, String detail) {
        return mamori.database().inTransaction(c -> {
            int n = mamori.detections().addAllow(c, orgId, entries, actor.name(), mamori.clock().instant());
            Audited.record(mamori, c, actor, orgId, Audited.DETECTION_ALLOW_ADDED, "detection:allow", detail + " added=" + n);
            return n;
        });
    }

    public int importDesktops(Actor actor, long orgId, Path file) {
        List<ListFiles.DesktopRow> rows = read(file, in -> ListFiles.desktops(file.getFileName().toString(), in));
        List<DetectionEngine.Desktop> desktops = rows.stream()
                .map(r -> new DetectionEngine.Desktop(r.address(), r.user(), r.host(), r.confidential(), "import")).toList();
        Map<String, String> departments = new HashMap<>(), kinds = new HashMap<>();
        for (ListFiles.DesktopRow r : rows) {
            if (r.department() != null) departments.put(r.address(), r.department());
            if (r.kind() != null) kinds.put(r.address(), r.kind());
        }
        return mamori.database().inTransaction(c -> {
            int n = mamori.detections().putDesktops(c, orgId, desktops, departments, kinds, mamori.clock().instant());
            Audited.record(mamori, c, actor, orgId, Audited.DETECTION_DESKTOPS_IMPORTED, "detection:desktops", "file=" + AuditDetail.quote(file.getFileName()) + " rows=" + n);
            return n;
        });
    }

    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T read(Path file, Reader<T> reader) {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("ファイルがありません / no such file: " + file, e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": 読めません / cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
