/** Where build-phone.ts leaves the phone's page and what its manifest says; read by the server. */
import path from "node:path";

export const PHONE_DIR = path.join(".next", "phone");
export const PHONE_MANIFEST = "manifest.json";

export interface PhoneManifest {
  /** The page's module script, under /phone/. */
  script: string;
  /** Modules the script imports up front (preloaded with it). */
  preload: string[];
  stylesheet: string;
  /** Every file under /phone/ the server may send. */
  files: string[];
  /** The ordering answer's drag and drop: loaded only when an ordering question shows. */
  orderingOnly: string[];
}
