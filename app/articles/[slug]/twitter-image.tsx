export { alt, contentType, default, generateStaticParams, size } from "./opengraph-image";

// Route segment config must be a literal in each file; Next cannot follow a re-export.
export const dynamicParams = false;
