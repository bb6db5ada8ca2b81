/**
 * Leads as CSV: the one place FastCSV, a plain formatting library, is used (decision 0013). What each cell says is
 * the domain's {@link com.coachintel.leads.domain.export.LeadCsv}; quoting and line ends are FastCSV's.
 */
package com.coachintel.leads.application.csv;
