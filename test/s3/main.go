// A fake S3-compatible server for the attachment store's S3 adapter tests: gofakes3 with its
// in-memory backend, on loopback. Built through the Go module proxy (no Docker, no internet
// beyond the proxy), like test/ferretdb.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

func main() {
	address := flag.String("listen", "127.0.0.1:0", "address to listen on")
	bucket := flag.String("bucket", "lapor-attachments", "bucket to create at start")
	flag.Parse()
	backend := s3mem.New()
	if err := backend.CreateBucket(*bucket); err != nil {
		log.Fatal(err)
	}
	faker := gofakes3.New(backend)
	listener, err := net.Listen("tcp", *address)
	if err != nil {
		log.Fatal(err)
	}
	// The test reads the port from this line.
	fmt.Printf("listening on %s\n", listener.Addr().String())
	log.Fatal(http.Serve(listener, faker.Server()))
}
