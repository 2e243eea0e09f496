package jp.mamori.advisory.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.intake.JsonFields;
/**
 * Index of a CSAF {@code product_tree}: product id to its full name and identification helper
 * (CPE, purl), found in branches at any depth, {@code full_product_names} and
 * {@code relationships}; and product group id to product ids. A relationship product without a
 * helper of its own takes the purl of the component it names and the CPE of the platform it is
 * part of ("git-lfs as a component of RHEL AppStream 8.6": the package purl, the RHEL CPE).
 */
public final class ProductTree {
    /** One product as the tree describes it; fields other than the id may be null. */
    public record Product(String id, String name, String cpe, String purl) { }

    private static final int MAX_BRANCH_DEPTH = 64;

    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, List<String>> groups = new HashMap<>();

    private ProductTree() { }

    public static ProductTree empty() {
        return new ProductTree();
    }

    public static ProductTree of(JsonNode tree) {
        ProductTree t = new ProductTree();
        if (tree == null || !tree.isObject()) return t;
        for (JsonNode b : JsonFields.array(tree, "branches")) t.branch(b, 0);
        for (JsonNode p : JsonFields.array(tree, "full_product_names")) t.add(p);
        for (JsonNode r : JsonFields.array(tree, "relationships")) t.relationship(r);
        for (JsonNode g : JsonFields.array(tree, "product_groups")) {
            String id = JsonFields.text(g, "group_id");
            if (id != null) t.groups.put(id, JsonFields.texts(g, "product_ids"));
        }
        return t;
    }

    /** The product with this id; an id the tree does not describe yields a product with only the id. */
    public Product product(String id) {
        Product p = products.get(id);
        return p != null ? p : new Product(id, null, null, null);
    }

    public int size() {
        return products.size();
    }

    /** Product ids named directly plus those of the named groups, in order, without repeats. */
    public List<String> productIds(JsonNode holder) {
        Set<String> ids = new LinkedHashSet<>(JsonFields.texts(holder, "product_ids"));
        for (String g : JsonFields.texts(holder, "group_ids")) {
            ids.addAll(groups.getOrDefault(g, List.of()));
        }
        return new ArrayList<>(ids);
    }

    /** True when the holder names no products or groups at all (it then applies to every product). */
    public static boolean appliesToAll(JsonNode holder) {
        return JsonFields.array(holder, "product_ids").isEmpty() && JsonFields.array(holder, "group_ids").isEmpty();
    }

    public Collection<Product> all() {
        return products.values();
    }

    private void branch(JsonNode b, int depth) {
        if (depth > MAX_BRANCH_DEPTH) return;
        JsonNode p = b.get("product");
        if (p != null) add(p);
        for (JsonNode child : JsonFields.array(b, "branches")) branch(child, depth + 1);
    }

    private void add(JsonNode fullProductName) {
        String id = JsonFields.text(fullProductName, "product_id");
        if (id == null) return;
        JsonNode helper = fullProductName.get("product_identification_helper");
        products.put(id, new Product(id, JsonFields.text(fullProductName, "name"), cpe(helper), purl(helper)));
    }

    private void relationship(JsonNode r) {
        JsonNode fpn = r.get("full_product_name");
        String id = JsonFields.text(fpn, "product_id");
        if (id == null) return;
        JsonNode helper = fpn.get("product_identification_helper");
        Product component = product(String.valueOf(JsonFields.text(r, "product_reference")));
        Product platform = product(String.valueOf(JsonFields.text(r, "relates_to_product_reference")));
        String cpe = cpe(helper) != null ? cpe(helper) : platform.cpe();
        String purl = purl(helper) != null ? purl(helper) : component.purl();
        products.put(id, new Product(id, JsonFields.text(fpn, "name"), cpe, purl));
    }

    private static String cpe(JsonNode helper) {
        return JsonFields.text(helper, "cpe");
    }

    // CSAF 2.0 has "purl"; CSAF 2.1 (and MyJVN OKA) "purls" as a list.
    private static String purl(JsonNode helper) {
        String purl = JsonFields.text(helper, "purl");
        if (purl != null) return purl;
        List<String> purls = JsonFields.texts(helper, "purls");
        return purls.isEmpty() ? null : purls.get(0);
    }
}
