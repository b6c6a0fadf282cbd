-- The same entry twice in one file: identical is a duplicate, different is rejected.
UPDATE application.watchlist_entry c
SET reject_reason = CASE WHEN (c.list_type, c.name_kana, c.name_kanji, c.birth_date)
                              IS NOT DISTINCT FROM (f.list_type, f.name_kana, f.name_kanji, f.birth_date)
                         THEN 'DUPLICATE' ELSE 'DUPLICATE_TRANSACTION' END
FROM (SELECT entry_id, min(line_number) AS first_line
      FROM application.watchlist_entry WHERE file_id = :file_id
      GROUP BY entry_id HAVING count(*) > 1) d
JOIN application.watchlist_entry f ON f.file_id = :file_id AND f.line_number = d.first_line
WHERE c.file_id = :file_id AND c.entry_id = d.entry_id AND c.line_number > d.first_line;
