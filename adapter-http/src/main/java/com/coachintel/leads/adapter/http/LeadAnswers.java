package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.LeadDetails;
import io.javalin.http.Context;

/** How a lead's detail is answered, by reads and writes alike: the body, and the ETag of its version. */
final class LeadAnswers {

    private LeadAnswers() {
    }

    static void detail(Context ctx, LeadDetails details) {
        ctx.header("ETag", EntityTags.of(details.lead().version()));
        JsonResponses.send(ctx, LeadJson.Detail.from(details));
    }
}
