-- Report statuses of the adoption session (API.md 1.1): ADOPTED_AD_REFERENDUM has 21 characters.
ALTER TABLE q_draft ALTER COLUMN status SET DATA TYPE VARCHAR(32);
