/** Message events and opt-outs that providers report, and the signed unsubscribe links mailers put in their mail. */
package com.coachintel.leads.application.message;
