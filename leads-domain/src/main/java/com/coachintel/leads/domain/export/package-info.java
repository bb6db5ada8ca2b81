/** Exporting leads as CSV: the file's format (and its protection against formula injection) and export jobs. */
package com.coachintel.leads.domain.export;
