/** Security checks across features: secrets never shown, hostile requests and input refused or made harmless. */
package org.mailroom.security;
