-- Issue 14: a VENDOR account is bound to its vendor record. V23 bound the accounts that existed then;
-- accounts made afterwards kept only vendor_name. Bind them too (the vendor of their organisation by that name).
UPDATE app_user SET vendor_id = (SELECT v.id FROM vendor v WHERE v.organization_id = app_user.organization_id AND v.name = app_user.vendor_name)
    WHERE vendor_name IS NOT NULL AND vendor_id IS NULL;
