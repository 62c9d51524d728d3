import NextAuth from "next-auth";

import { authOptions } from "@/lib/auth/options";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: NextAuthContext) {
  return NextAuth(request as never, context as never, authOptions(request));
}

export { handler as GET, handler as POST };
