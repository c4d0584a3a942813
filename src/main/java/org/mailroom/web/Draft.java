package org.mailroom.web;

import org.mailroom.issue.EmailContent;

/** The issue an editor is preparing in the new-campaign form, rendered once when uploaded or pasted. */
record Draft(String fileName, byte[] markdown, EmailContent content) {}
