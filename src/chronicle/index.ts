// The public face of the chronicle facade.
export * from "./Chronicle.js"
export * from "./Client.js"
