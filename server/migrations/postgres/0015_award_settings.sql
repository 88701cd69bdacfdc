-- Issue 11: an award keeps the comparison settings it was decided with (base currency,
-- exchange rates with their dates, amortization, cost of capital, outlier ratio) as JSON,
-- so its landed costs are those the buyer saw, not the server's defaults of the day.
-- Awards made before this have none (NULL).
ALTER TABLE rfq_awards ADD COLUMN settings TEXT;
