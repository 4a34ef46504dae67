import { DateTimeResolver, EmailAddressResolver, JSONObjectResolver, JSONResolver, URLResolver, UUIDResolver } from 'graphql-scalars';
import { builder } from '../../builder.js';
import { LocaleScalar } from '../../i18n/graphql.js';

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('UUID', UUIDResolver);
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
builder.addScalarType('URL', URLResolver);
// Our own Locale: a malformed tag is a BAD_USER_INPUT error, and tags are read in canonical case.
builder.addScalarType('Locale', LocaleScalar);
