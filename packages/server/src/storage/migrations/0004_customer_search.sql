-- Customer lists, search and deletion. The search vector and the indexes that serve customers(sortBy)
-- and customers(filters: {updatedAt}) came with 0003 (customers.search_vector, customers_search,
-- customers_full_name, customers_updated); this adds what deleteCustomer needs.

-- deleteCustomer removes the customer's events, thread events included (they reference the customer
-- without a cascade). events_customer_wide covers customer-wide events only, so without this index
-- each delete would scan every event of every customer.
CREATE INDEX events_customer ON events (workspace_id, customer_id);
