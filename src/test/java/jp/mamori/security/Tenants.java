package jp.mamori.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Two tenants for scope tests. Organisation A: systems A1 (vendor 甲社) and A2 (vendor 乙社), one
 * asset each maintained by that vendor; organisation B: system B1 with an asset maintained by a
 * vendor also called 甲社 (same name, other tenant).
 */
final class Tenants {
    final Database db;
    final long orgA;
    final long orgB;
    final long sysA1;
    final long sysA2;
    final long sysB1;
    final long assetA1;
    final long assetA2;
    final long assetB1;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));

    Tenants(Database db) {
        this.db = db;
        InventoryRepository inv = new InventoryRepository(db.dataSource());
        orgA = inv.createOrganization("012033", "A市", "municipality").id();
        orgB = inv.createOrganization("012041", "B町", "municipality").id();
        Importance imp = new Importance("2", "2", "2");
        sysA1 = inv.createSystem(orgA, "A1", "テレワークシステム", Segment.parse("internet"), imp, null, null, List.of("甲社")).id();
        sysA2 = inv.createSystem(orgA, "A2", "住民情報システム", Segment.parse("mynumber"), imp, null, null, List.of("乙社")).id();
        sysB1 = inv.createSystem(orgB, "B1", "財務会計", Segment.parse("lgwan"), imp, null, null, List.of("甲社")).id();
        assetA1 = inv.createAsset(orgA, sysA1, asset("A1-GW", "甲社")).id();
        assetA2 = inv.createAsset(orgA, sysA2, asset("A2-SV", "乙社")).id();
        assetB1 = inv.createAsset(orgB, sysB1, asset("B1-SV", "甲社")).id();
    }

    private static InventoryRepository.NewAsset asset(String code, String maintainer) {
        return new InventoryRepository.NewAsset(code, code, AssetKind.parse("server"), null, null, null, null, Exposure.parse("controlled"),
                false, maintainer);
    }

    AuditLog audit() {
        return new AuditLog(db.dataSource(), clock);
    }

    /** Fast bcrypt for tests; production uses strength 12. */
    UserStore users() {
        return new UserStore(db.dataSource(), audit(), new SecretBox(new byte[32]), new BCryptPasswordEncoder(4), clock);
    }

    ApiTokenStore tokens() {
        return new ApiTokenStore(db.dataSource(), audit(), clock);
    }

    UserStore.NewUser user(String name, Role role, Long org, Set<Long> systems, String vendor, boolean ciso) {
        return new UserStore.NewUser(name, null, role, org, systems, vendor, ciso);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
