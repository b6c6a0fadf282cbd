-- A late file is taken in after files of later dates (files.md): it must not undo them.
-- The watch list in force is the one of the latest date (then the latest taken in), not
-- simply the last one taken in.
CREATE OR REPLACE VIEW application.current_watchlist AS
SELECT w.entry_id, w.list_type, w.name_kana, w.name_kanji, w.birth_date, w.name_kana_key, w.name_kanji_key
FROM application.watchlist_entry w
WHERE w.file_id = (SELECT file_id FROM batch.import_file WHERE file_type = 'WATCHLIST' AND status = 'ACCEPTED'
                   ORDER BY business_date DESC, file_id DESC LIMIT 1);
