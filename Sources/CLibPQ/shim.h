// libpq's client API. Development builds link Debian's shared libpq (libpq-dev); `./build.sh
// package` puts a static libpq, built without GSSAPI and LDAP, first on the search path.
#include <postgresql/libpq-fe.h>
