package client_test

import (
	"context"
	"fmt"
	"log"
	"net"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/status"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
)

// Example starts a timelined server on a free loopback port, resolves the
// dates of a short article through the client and shows how a bad request
// is answered.
func Example() {
	// A server, as cmd/timelined runs it.
	srv, err := server.New(server.Config{})
	if err != nil {
		log.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go srv.Serve(lis)
	defer srv.Shutdown(context.Background())

	c, err := client.New(lis.Addr().String(), client.WithInsecure())
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	resp, err := c.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{
		Article: &timelinev1.Article{
			Id:            "a1",
			Text:          "The two leaders spoke by phone last Wednesday.",
			PublishedDate: "2021-03-22",
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	p := resp.GetPublication()
	fmt.Printf("published %s (inferred: %v)\n", p.GetDate(), p.GetInferred())
	for _, m := range resp.GetMentions() {
		fmt.Printf("%q [%d,%d) %s %s\n", m.GetText(), m.GetStart(), m.GetEnd(), m.GetType(), m.GetValue())
	}

	// Bad input is INVALID_ARGUMENT naming each bad field.
	_, err = c.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{
		Article: &timelinev1.Article{Id: "a2", Text: "Hello.", PublishedDate: "2021-02-30"},
	})
	st := status.Convert(err)
	fmt.Println(st.Code())
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				fmt.Println(v.GetField())
			}
		}
	}
	// Output:
	// published 2021-03-22 (inferred: false)
	// "last Wednesday" [31,45) TIMEX_TYPE_DATE 2021-03-17
	// InvalidArgument
	// article.published_date
}
