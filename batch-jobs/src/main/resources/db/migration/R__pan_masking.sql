-- PCI DSS: no full card number is ever stored. Job metadata keeps failure messages (stack traces,
-- database errors that may quote a value); the triggers of V6 mask any PAN in them before they are
-- written, whatever path the message took. Same rule as the Java PanGuard: a run of 13-19 digits
-- (single spaces or dashes between groups) that passes Luhn becomes first6******last4.
CREATE OR REPLACE FUNCTION batch.mask_pan(input TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	m TEXT;
	digits TEXT;
	n INTEGER;
	total INTEGER;
	d INTEGER;
	result TEXT := input;
BEGIN
	IF input IS NULL OR input !~ '[0-9]{4}' THEN
		RETURN input;
	END IF;
	FOR m IN SELECT (regexp_matches(input, '[0-9]+(?:[ -][0-9]+)*', 'g'))[1] LOOP
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
	RETURN result;
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
