-- The watch list in force: the entries of the accepted watch-list file of the latest date (then the
-- latest taken in). A late watch list of an earlier date never replaces a newer one.
CREATE OR REPLACE VIEW application.current_watchlist AS
SELECT w.entry_id, w.list_type, w.name_kana, w.name_kanji, w.birth_date, w.name_kana_key, w.name_kanji_key
FROM application.watchlist_entry w
WHERE w.file_id = (SELECT file_id FROM batch.import_file WHERE file_type = 'WATCHLIST' AND status = 'ACCEPTED'
                   ORDER BY business_date DESC, file_id DESC LIMIT 1);
