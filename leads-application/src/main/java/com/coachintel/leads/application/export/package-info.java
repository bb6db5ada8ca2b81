/** Exporting leads as CSV: streamed on request, or as a background job whose file is kept for a while. */
package com.coachintel.leads.application.export;
