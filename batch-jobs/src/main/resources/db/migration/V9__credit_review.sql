-- Keys for comparing people (credit-review.md name normalization: NFKC, katakana, no spaces or ・;
-- phones by digits), computed by the import so that watch-list and duplicate-applicant checks are
-- plain joins.
ALTER TABLE application.application
	ADD COLUMN name_kana_key TEXT, ADD COLUMN name_kanji_key TEXT, ADD COLUMN phone_digits TEXT;
ALTER TABLE application.application_change
	ADD COLUMN name_kana_key TEXT, ADD COLUMN name_kanji_key TEXT, ADD COLUMN phone_digits TEXT;
ALTER TABLE application.watchlist_entry
	ADD COLUMN name_kana_key TEXT, ADD COLUMN name_kanji_key TEXT;
CREATE INDEX application_by_applicant ON application.application (name_kana_key, birth_date, phone_digits);

CREATE OR REPLACE VIEW application.current_watchlist AS
SELECT w.entry_id, w.list_type, w.name_kana, w.name_kanji, w.birth_date, w.name_kana_key, w.name_kanji_key
FROM application.watchlist_entry w
WHERE w.file_id = (SELECT max(file_id) FROM batch.import_file WHERE file_type = 'WATCHLIST' AND status = 'ACCEPTED');

-- The first business date on which an application was on the officers' list, kept across days.
CREATE TABLE application.credit_review_listing (
	application_id  TEXT PRIMARY KEY,
	first_listed_on DATE NOT NULL
);
