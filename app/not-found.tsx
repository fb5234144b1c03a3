import { NotFoundMessage } from "@/components/not-found-message";

// Shown when a page calls notFound(). Next sends this component with every
// page of the site, so it must stay static: a request-time API here (headers(),
// connection()) would make every page dynamic. URLs that match no route get
// app/global-not-found.tsx instead, which is rendered per request.
export default function NotFound() {
  return <NotFoundMessage />;
}
