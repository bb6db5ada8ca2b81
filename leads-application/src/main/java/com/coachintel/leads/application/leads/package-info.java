/**
 * Reading and changing leads: the list with filters and its exact total, one lead's detail, its message events and
 * history ({@code LeadReadService}); contact fields, notes and the status lifecycle, each change answered with the
 * lead as its own transaction left it ({@code LeadChangeService}).
 */
package com.coachintel.leads.application.leads;
