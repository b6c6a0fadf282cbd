-- Accounts (unknown or closed) and duplicate transaction ids are checked while the file loads
-- (FileKind.accounts and uniqueKey). What is left needs the file as a whole:

-- Refunds: a refund needs its purchase (same account), accepted before or in this file, and the refunds
-- of one purchase, taken in line order, never add up to more than the purchase.
SELECT payment.reject_excess_refunds(:file_id);
