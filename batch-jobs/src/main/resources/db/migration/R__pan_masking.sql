-- PCI DSS: no full card number is ever stored. Job metadata keeps failure messages (stack traces,
-- database errors that may quote a value); the triggers of V6 mask any PAN in them before they are
-- written, whatever path the message took. The rule of the Java PanGuard (files.md): the text is
-- NFKC-normalized (fullwidth and other compatibility digits become ASCII) and format characters
-- (zero-width spaces and joiners, soft hyphen, BOM) are dropped; then a run of 13-19 digits with any
-- single non-alphanumeric separator between groups that passes Luhn becomes first6******last4. A
-- text with no PAN is returned as it was; one with a PAN, normalized and masked.
CREATE OR REPLACE FUNCTION batch.mask_pan(input TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	m TEXT;
	digits TEXT;
	n INTEGER;
	total INTEGER;
	d INTEGER;
	normalized TEXT;
	result TEXT;
BEGIN
	IF input IS NULL OR input !~ '[0-9]|[^\x01-\x7F]' THEN
		RETURN input;
	END IF;
	normalized := regexp_replace(normalize(input, NFKC), '[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]', '', 'g');
	result := normalized;
	FOR m IN SELECT (regexp_matches(normalized, '[0-9]+(?:[^[:alnum:][:cntrl:]][0-9]+)*', 'g'))[1] LOOP
		digits := regexp_replace(m, '[^0-9]', '', 'g');
		n := length(digits);
		CONTINUE WHEN n < 13 OR n > 19;
		total := 0;
		FOR i IN 0 .. n - 1 LOOP
			d := substr(digits, n - i, 1)::INTEGER;
			IF i % 2 = 1 THEN
				d := d * 2;
				IF d > 9 THEN d := d - 9; END IF;
			END IF;
			total := total + d;
		END LOOP;
		IF total % 10 = 0 THEN
			result := replace(result, m, substr(digits, 1, 6) || repeat('*', n - 10) || substr(digits, n - 3));
		END IF;
	END LOOP;
	RETURN CASE WHEN result = normalized THEN input ELSE result END;
END;
$$;

CREATE OR REPLACE FUNCTION batch.mask_exit_message() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
	NEW.exit_message := batch.mask_pan(NEW.exit_message);
	RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION batch.mask_task_messages() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
	NEW.exit_message := batch.mask_pan(NEW.exit_message);
	NEW.error_message := batch.mask_pan(NEW.error_message);
	RETURN NEW;
END;
$$;
