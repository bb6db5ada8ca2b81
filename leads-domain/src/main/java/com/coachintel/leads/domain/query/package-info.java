/**
 * The filter and query model: what a caller may ask of a lead list or an event list, each part
 * validated on construction so a query that exists is a valid query.
 */
package com.coachintel.leads.domain.query;
