-- Issue 18.2: wrong second-factor codes are counted on their own and a correct password never
-- resets them (password + 4 wrong codes, repeated, used to go on for ever).
ALTER TABLE app_user ADD COLUMN totp_failed_attempts INTEGER NOT NULL DEFAULT 0;
