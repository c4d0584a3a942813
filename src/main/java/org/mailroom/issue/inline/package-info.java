/** The CSS inliner: a stylesheet's rules applied to elements' style attributes, following the cascade. */
package org.mailroom.issue.inline;
