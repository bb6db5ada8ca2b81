/**
 * The filter and query model: what a caller may ask of a lead list or an event list. Filters are criteria the
 * compiler enumerates ({@link com.coachintel.leads.domain.query.LeadFilters.Visitor} and
 * {@link com.coachintel.leads.domain.query.LeadFilters.Reader}); limits are checked where input is parsed, named in
 * the caller's terms.
 */
package com.coachintel.leads.domain.query;
