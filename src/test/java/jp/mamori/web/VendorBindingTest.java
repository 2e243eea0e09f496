package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import jp.mamori.triage.policy.TriagePolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A vendor account sees the assets and findings of the vendor record it is bound to, not of whichever
 * vendor carries its name (issue 14, V33): organisation A's 甲社 is renamed and a new vendor takes the
 * name 甲社 with an asset and a finding of its own; the account made for the first 甲社 (it still carries
 * the name) sees the first one's asset and finding only, and the newcomer's are not its. On H2 and PostgreSQL.
 */
class VendorBindingTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVendorNamedAsAnotherOnceWasCannotSeeItsAssets(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        f.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE vendor SET name = '甲社ホールディングス' WHERE id = ?")) {
                ps.setLong(1, f.vendorA);
                return ps.executeUpdate();
            }
        });
        InventoryRepository inv = new InventoryRepository(f.db.dataSource());
        Asset newcomer = inv.createAsset(f.orgA, f.system.get(AuthorizationMatrixTest.Target.A2), new InventoryRepository.NewAsset("code-new",
                "MXNEW-asset", AssetKind.SERVER, null, null, null, null, Exposure.OPEN, false, "甲社"));
        long newcomerVendor = f.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT vendor_id FROM asset WHERE id = ?")) {
                ps.setLong(1, newcomer.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(newcomerVendor).as("a vendor record of its own").isNotEqualTo(f.vendorA);
        new SbomStore(f.db).add(f.orgA, newcomer, new SbomReader().read(f.sbomBytes, "MXNEW.cdx.json"), "MXNEW.cdx.json", "1".repeat(64), null, "setup",
                Clock.systemUTC().instant());
        new InventoryAssessment(f.db, Clock.systemUTC(), TriagePolicy.defaults()).assessAsset(f.orgA, newcomer.id(), "setup");

        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient vendor = HttpSessionClient.api(base, f.tokens.get(Role.VENDOR));
            HttpSessionClient officer = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            assertThat(officer.get("/api/v1/findings?state=all&candidates=any").body()).as("the newcomer's finding exists").contains("MXNEW");
            for (String url : List.of("/api/v1/assets", "/api/v1/findings?state=all&candidates=any", "/api/v1/dashboard")) {
                HttpResponse<String> r = vendor.get(url);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).as(url).contains("MXA1").doesNotContain("MXNEW").doesNotContain("MXA2").doesNotContain("MXB1");
            }
            assertThat(vendor.get("/api/v1/assets/" + newcomer.id()).statusCode()).isEqualTo(404);
            assertThat(vendor.get("/api/v1/assets/" + f.asset.get(AuthorizationMatrixTest.Target.A1)).statusCode()).isEqualTo(200);
        } finally {
            context.close();
            f.db.close();
        }
    }
}
