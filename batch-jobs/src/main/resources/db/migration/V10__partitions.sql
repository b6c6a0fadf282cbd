-- The partition of an account among n: the one rule every partitioned job and plan-partitions use,
-- so N Fargate tasks each touch a disjoint set of accounts. Account ids are sequential numbers,
-- so the remainder spreads them evenly.
CREATE FUNCTION card.partition_of(account_id CHAR(10), n INTEGER) RETURNS INTEGER
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT (account_id::BIGINT % n)::INTEGER
$$;
